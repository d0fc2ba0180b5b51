import { useEffect, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Link } from 'react-router-dom';
import { usePageHeaderSlot } from './page-header.store';

export interface Crumb {
  label: string;
  to?: string;
}

interface PageHeaderProps {
  crumbs: Crumb[];
  /** The page's actions, shown at the right of the header. */
  children?: ReactNode;
}

/** A page's breadcrumb (the last crumb is the page's title) and actions, shown in the shell's header. */
export function PageHeader({ crumbs, children }: PageHeaderProps) {
  const slot = usePageHeaderSlot((state) => state.slot);
  const title = crumbs[crumbs.length - 1]?.label ?? '';
  useEffect(() => {
    document.title = title === '' ? 'Magneto Studio' : `${title} · Magneto Studio`;
  }, [title]);
  if (slot === null) return null;
  return createPortal(
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          {crumbs.map((crumb, index) => {
            const last = index === crumbs.length - 1;
            return (
              <li key={`${index}-${crumb.label}`}>
                {last || crumb.to === undefined ? (
                  <h1 aria-current={last ? 'page' : undefined}>{crumb.label}</h1>
                ) : (
                  <Link to={crumb.to}>{crumb.label}</Link>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
      <div className="page-actions">{children}</div>
    </>,
    slot,
  );
}
