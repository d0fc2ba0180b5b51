import { useState, type DragEvent, type ReactNode } from 'react';
import { useDashboardLayout, type WidgetId } from './dashboard-layout.store';

interface WidgetFrameProps {
  id: WidgetId;
  title: string;
  wide?: boolean;
  children: ReactNode;
}

const DRAG_TYPE = 'application/x-magneto-widget';

/** A dashboard card that can be moved: dragged onto another card, or with its move buttons. */
export function WidgetFrame({ id, title, wide, children }: WidgetFrameProps) {
  const order = useDashboardLayout((state) => state.order);
  const move = useDashboardLayout((state) => state.move);
  const [over, setOver] = useState(false);
  const index = order.indexOf(id);
  const headingId = `widget-${id}-title`;

  const onDrop = (event: DragEvent): void => {
    const dragged = event.dataTransfer.getData(DRAG_TYPE);
    setOver(false);
    const known = order.find((widget) => widget === dragged);
    if (known === undefined || known === id) return;
    event.preventDefault();
    move(known, index);
  };

  return (
    <section
      className={`card widget${wide === true ? ' widget-wide' : ''}${over ? ' widget-over' : ''}`}
      aria-labelledby={headingId}
      data-widget={id}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <div className="widget-head">
        <h2 id={headingId}>{title}</h2>
        <div className="widget-move">
          <button
            type="button"
            className="btn btn-icon btn-small"
            aria-label={`Move ${title} earlier`}
            disabled={index <= 0}
            onClick={() => move(id, index - 1)}
          >
            ←
          </button>
          <button
            type="button"
            className="btn btn-icon btn-small"
            aria-label={`Move ${title} later`}
            disabled={index >= order.length - 1}
            onClick={() => move(id, index + 1)}
          >
            →
          </button>
        </div>
      </div>
      <div className="widget-body">{children}</div>
    </section>
  );
}
