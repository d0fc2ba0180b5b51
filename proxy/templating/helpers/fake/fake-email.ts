import { fakerShortcut } from '../../support/fake-data';

export default fakerShortcut(
  'fakeEmail',
  'internet.email',
  'An email address',
  'ada.lovelace@example.net',
);
