import { useEffect, useState } from 'react';
import { api } from '../../api';
import {
  CassetteHttpInteractionsDocument,
  type CassetteHttpInteractionsQuery,
} from '../../api/generated/graphql';

export type HttpInteraction = CassetteHttpInteractionsQuery['cassette']['interactions'][number];

export type InteractionsLoad =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'loaded'; interactions: HttpInteraction[] }
  | { state: 'failed'; error: unknown };

/** The HTTP interactions of a cassette (none asked for while `cassette` is ''). */
export function useHttpInteractions(cassette: string): InteractionsLoad {
  const [load, setLoad] = useState<InteractionsLoad>({ state: 'idle' });
  useEffect(() => {
    if (cassette === '') {
      setLoad({ state: 'idle' });
      return;
    }
    let live = true;
    setLoad({ state: 'loading' });
    api.query(CassetteHttpInteractionsDocument, { name: cassette }).then(
      ({ cassette: found }) => {
        if (live) setLoad({ state: 'loaded', interactions: found.interactions });
      },
      (error: unknown) => {
        if (live) setLoad({ state: 'failed', error });
      },
    );
    return () => {
      live = false;
    };
  }, [cassette]);
  return load;
}
