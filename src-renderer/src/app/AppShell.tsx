import { Outlet } from 'react-router-dom';
import { DropImport } from '../features/import/DropImport';
import { Footer } from './Footer';
import { Header } from './Header';
import { Sidebar } from './Sidebar';
import { Toasts } from './Toasts';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';

/** The frame around every page: navigation, header, content, status bar, toasts. */
export function AppShell() {
  useKeyboardShortcuts();
  return (
    <div className="shell">
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <Sidebar />
      <div className="shell-main">
        <Header />
        <main id="main-content" tabIndex={-1} className="content">
          <Outlet />
        </main>
        <Footer />
      </div>
      <Toasts />
      <DropImport />
    </div>
  );
}
