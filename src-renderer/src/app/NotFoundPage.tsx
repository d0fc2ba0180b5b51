import { Link } from 'react-router-dom';
import { Empty } from '../components/PageState';
import { PageHeader } from './PageHeader';

export function NotFoundPage() {
  return (
    <>
      <PageHeader crumbs={[{ label: 'Not found' }]} />
      <Empty title="There is nothing at this address.">
        <Link to="/">Back to the dashboard</Link>
      </Empty>
    </>
  );
}
