import { fakerShortcut } from '../../support/fake-data';

export default fakerShortcut(
  'fakeAmount',
  'finance.amount',
  'A money amount with two decimals',
  '285.90',
);
