import { fakerShortcut } from '../../support/fake-data';

export default fakerShortcut(
  'fakeAddress',
  'location.streetAddress',
  'A street address',
  '4790 W 4th Street',
);
