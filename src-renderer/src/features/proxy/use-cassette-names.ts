import { useEffect, useState } from 'react';
import { api } from '../../api';
import { LibraryNamesDocument } from '../../api/generated/graphql';

/** Every cassette name, loaded once per mount (for pickers); [] until loaded or on failure. */
export function useCassetteNames(): string[] {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    api
      .query(LibraryNamesDocument, {})
      .then(({ cassettes }) => {
        if (live) setNames(cassettes.items.map((item) => item.name));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return names;
}
