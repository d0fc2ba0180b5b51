import { fakerShortcut } from '../../support/fake-data';

export default fakerShortcut('fakeCity', 'location.city', 'A city name', 'Kathystead');
