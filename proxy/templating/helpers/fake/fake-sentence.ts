import { fakerShortcut } from '../../support/fake-data';

export default fakerShortcut(
  'fakeSentence',
  'lorem.sentence',
  'A sentence of lorem ipsum',
  'Claustrum deleniti tam creptio.',
);
