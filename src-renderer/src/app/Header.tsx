import { ThemeToggle } from './ThemeToggle';
import { usePageHeaderSlot } from './page-header.store';

/** The shell's banner: the page's breadcrumb and actions (portalled in), and the theme switch. */
export function Header() {
  const setSlot = usePageHeaderSlot((state) => state.setSlot);
  return (
    <header className="app-header">
      <div className="page-header" ref={setSlot} />
      <ThemeToggle />
    </header>
  );
}
