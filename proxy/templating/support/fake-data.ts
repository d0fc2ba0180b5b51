/**
 * Fake data with @faker-js/faker (English locale), from a private instance seeded per render: a
 * render with a `seed` gets the same values every time. Only the paths of `FAKER_PATHS` can be called.
 */
import type { Faker } from '@faker-js/faker';
import { faker as englishFaker } from '@faker-js/faker/locale/en';
import { defineHelper } from '../helper-definition';
import type { HelperDefinition } from '../helper-definition';
import { currentRenderState } from '../render-state';
import type { RenderState } from '../render-state';

/** `module.method` paths the `faker` helper may call. */
export const FAKER_PATHS: readonly string[] = [
  'person.firstName',
  'person.lastName',
  'person.fullName',
  'person.jobTitle',
  'person.sex',
  'internet.email',
  'internet.username',
  'internet.url',
  'internet.domainName',
  'internet.ipv4',
  'internet.ipv6',
  'internet.userAgent',
  'internet.password',
  'internet.emoji',
  'location.streetAddress',
  'location.city',
  'location.state',
  'location.zipCode',
  'location.country',
  'location.countryCode',
  'location.latitude',
  'location.longitude',
  'location.timeZone',
  'lorem.word',
  'lorem.words',
  'lorem.sentence',
  'lorem.sentences',
  'lorem.paragraph',
  'lorem.slug',
  'finance.amount',
  'finance.iban',
  'finance.bic',
  'finance.currencyCode',
  'finance.accountNumber',
  'finance.creditCardNumber',
  'finance.transactionDescription',
  'company.name',
  'company.catchPhrase',
  'phone.number',
  'commerce.productName',
  'commerce.price',
  'commerce.department',
  'color.human',
  'word.noun',
  'word.adjective',
  'animal.dog',
  'animal.cat',
  'string.alphanumeric',
  'string.numeric',
  'number.int',
  'number.float',
  'datatype.boolean',
  'date.past',
  'date.future',
  'date.recent',
  'git.commitSha',
  'system.fileName',
  'image.avatar',
];

const allowed = new Set(FAKER_PATHS);
const FakerClass = englishFaker.constructor as new (options: { locale: unknown }) => Faker;
const faker = new FakerClass({ locale: englishFaker.rawDefinitions });

let seededFor: RenderState | undefined;

/** The faker instance, seeded for `state` on its first use in that render. */
function fakerFor(state: RenderState): Faker {
  if (seededFor !== state) {
    seededFor = state;
    faker.seed(state.random.int(0, 2 ** 31 - 1));
    faker.setDefaultRefDate(state.now);
  }
  return faker;
}

type Primitive = string | number | boolean;
const isPrimitive = (value: unknown): value is Primitive =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * Calls an allowed faker method. Options (`min`, `max`, `length`…) are passed as one object when
 * given, else the plain (string, number, boolean) arguments are passed as they are.
 */
export function callFaker(
  state: RenderState,
  path: string,
  args: readonly unknown[] = [],
  options: Record<string, unknown> = {},
): unknown {
  if (!allowed.has(path)) {
    throw new Error(
      `"${path}" is not an allowed faker method (allowed: ${FAKER_PATHS.join(', ')})`,
    );
  }
  const [module = '', method = ''] = path.split('.');
  const target = (fakerFor(state) as unknown as Record<string, Record<string, unknown>>)[module];
  const fn = target?.[method] as ((...values: unknown[]) => unknown) | undefined;
  if (fn === undefined) throw new Error(`faker has no method "${path}"`);
  const entries = Object.entries(options).filter(([, value]) => isPrimitive(value));
  const result =
    entries.length > 0
      ? fn.call(target, Object.fromEntries(entries))
      : fn.apply(target, args.filter(isPrimitive));
  return result instanceof Date ? result.toISOString() : result;
}

/** A helper that calls one faker method, for the named shortcuts (`fakeName`, `fakeEmail`…). */
export function fakerShortcut(
  name: string,
  path: string,
  description: string,
  example: string,
): HelperDefinition {
  return defineHelper({
    name,
    category: 'fake',
    signature: name,
    description: `${description} (faker \`${path}\`). Seedable.`,
    examples: [{ template: `{{${name}}}`, note: `such as ${example}` }],
    helper: () => callFaker(currentRenderState(), path),
  });
}
