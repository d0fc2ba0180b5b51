import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, useConnection } from '../../api';
import { CassetteChangesDocument } from '../../api/generated/graphql';
import { PageHeader } from '../../app/PageHeader';
import { Empty, Failure, Loading } from '../../components/PageState';
import { CassetteActions } from './CassetteActions';
import { CassetteHeader } from './CassetteHeader';
import { CassetteTabs, type Tab } from './CassetteTabs';
import { InteractionsTab } from './InteractionsTab';
import { OverviewTab } from './OverviewTab';
import { RawJsonTab } from './RawJsonTab';
import { SettingsTab } from './SettingsTab';
import { useCassette } from './cassette.store';
import './cassette.css';

/** Loads the cassette and follows its changes (a deletion shows as such). */
function useLiveCassette(name: string): void {
  const epoch = useConnection((state) => state.epoch);
  useEffect(() => {
    void useCassette.getState().load(name);
    return api.subscribe(
      CassetteChangesDocument,
      { name },
      {
        next: ({ cassetteUpdated }) => {
          if (cassetteUpdated.type === 'Deleted' && cassetteUpdated.name === name)
            useCassette.getState().markGone();
          else if (cassetteUpdated.name === name) void useCassette.getState().load(name);
        },
      },
    );
  }, [name, epoch]);
}

export function CassettePage() {
  const name = useParams().name ?? '';
  const detail = useCassette((state) => (state.name === name ? state.detail : undefined));
  const interactions = useCassette((state) =>
    state.name === name ? state.interactions : undefined,
  );
  const error = useCassette((state) => state.error);
  const gone = useCassette((state) => state.gone);
  const [tab, setTab] = useState<Tab>('overview');
  useLiveCassette(name);

  const crumbs = [{ label: 'Cassettes', to: '/cassettes' }, { label: name }];
  if (gone) {
    return (
      <>
        <PageHeader crumbs={crumbs} />
        <Empty title={`${name} was deleted.`}>
          <Link to="/cassettes">Back to the library</Link>
        </Empty>
      </>
    );
  }
  if (detail === undefined || interactions === undefined) {
    return (
      <>
        <PageHeader crumbs={crumbs} />
        {error === undefined ? (
          <Loading label="Loading the cassette…" />
        ) : (
          <Failure error={error} retry={() => void useCassette.getState().load(name)} />
        )}
      </>
    );
  }
  return (
    <div className="cassette-page stack">
      <PageHeader crumbs={crumbs}>
        <CassetteActions name={name} />
      </PageHeader>
      <CassetteHeader detail={detail} />
      <CassetteTabs current={tab} onSelect={setTab} />
      <div id="tab-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'overview' ? (
          <OverviewTab
            detail={detail}
            interactions={interactions}
            onShowAll={() => setTab('interactions')}
          />
        ) : null}
        {tab === 'interactions' ? (
          <InteractionsTab cassette={name} interactions={interactions} />
        ) : null}
        {tab === 'settings' ? <SettingsTab /> : null}
        {tab === 'raw' ? <RawJsonTab name={name} version={detail.metadata.fileModifiedAt} /> : null}
      </div>
    </div>
  );
}
