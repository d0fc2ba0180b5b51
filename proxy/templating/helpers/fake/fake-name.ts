import { fakerShortcut } from '../../support/fake-data';

export default fakerShortcut('fakeName', 'person.fullName', 'A full name', 'Ada Lovelace');
