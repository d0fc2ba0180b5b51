import { NavLink } from 'react-router-dom';

const LINKS = [
  { to: '/', label: 'Dashboard', icon: '▦', hint: 'g then d', end: true },
  { to: '/cassettes', label: 'Cassettes', icon: '▤', hint: 'g then c', end: false },
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
            <NavLink to={link.to} end={link.end} title={`${link.label} (${link.hint})`}>
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
