import { headerRows } from './header-rows';

/** Headers as a two-column table. */
export function HeadersTable({ headers, label }: { headers: unknown; label: string }) {
  const rows = headerRows(headers);
  if (rows.length === 0) return <p className="muted">No headers.</p>;
  return (
    <table className="headers-table">
      <caption className="visually-hidden">{label}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, value], index) => (
          <tr key={`${name}-${index}`}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
