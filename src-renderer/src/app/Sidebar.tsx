import { NavLink } from 'react-router-dom';

const LINKS: ReadonlyArray<{
  to: string;
  label: string;
  icon: string;
  hint?: string;
  end: boolean;
}> = [
  { to: '/', label: 'Dashboard', icon: '▦', hint: 'g then d', end: true },
  { to: '/cassettes', label: 'Cassettes', icon: '▤', hint: 'g then c', end: false },
  { to: '/templates', label: 'Templates', icon: '✎', end: false },
  { to: '/traffic', label: 'Live traffic', icon: '⇄', end: false },
  { to: '/proxy', label: 'Proxy', icon: '⚙', end: false },
  { to: '/playground', label: 'API playground', icon: '◇', end: false },
];

/** The main navigation. */
export function Sidebar() {
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◉
        </span>
        <span>Magneto Studio</span>
      </div>
      <ul>
        {LINKS.map((link) => (
          <li key={link.to}>
            <NavLink
              to={link.to}
              end={link.end}
              title={link.hint === undefined ? link.label : `${link.label} (${link.hint})`}
            >
              <span aria-hidden="true" className="nav-icon">
                {link.icon}
              </span>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
