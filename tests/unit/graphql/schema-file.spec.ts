/** The committed schema.graphql is the executable schema, and every part of it is described. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from '../../../src-main/graphql/graphql-js';
import { printStudioSchema, SCHEMA_FILE } from '../../../src-main/graphql/print-schema';
import { createSchemaShape } from '../../../src-main/graphql/schema';

/** Every type, field, argument and enum value without a description. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (
      type.name.startsWith('__') ||
      ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)
    ) {
      continue;
    }
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) {
          if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
  }
  return missing;
}

describe('schema.graphql', () => {
  it('is the executable schema, printed (run `npx tsx src-main/graphql/print-schema.ts` after a change)', async () => {
    expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(await printStudioSchema());
  });

  it('describes every type, field, argument and enum value', () => {
    expect(undescribed(createSchemaShape())).toEqual([]);
  });

  it('has the operations the studio promises', () => {
    const schema = createSchemaShape();
    const names = (type: { getFields(): Record<string, unknown> } | null | undefined) =>
      Object.keys(type?.getFields() ?? {}).sort();
    expect(names(schema.getQueryType())).toEqual(
      [
        'activity',
        'caCertificate',
        'cassette',
        'cassettes',
        'exportResponseTemplates',
        'globalStats',
        'proxyStatus',
        'responseTemplates',
        'searchCassettes',
        'templateHelpers',
        'validateTemplate',
      ].sort(),
    );
    expect(names(schema.getMutationType())).toEqual(
      [
        'addInteraction',
        'applyTemplate',
        'createCassette',
        'deleteCassette',
        'deleteCassettes',
        'deleteInteraction',
        'deleteResponseTemplate',
        'duplicateCassette',
        'exportCassettes',
        'importCassette',
        'importResponseTemplates',
        'registerCustomHelper',
        'removeCustomHelper',
        'renameCassette',
        'saveResponseTemplate',
        'setProxyMode',
        'setTemplateEnvAllowList',
        'startProxy',
        'stopProxy',
        'tagCassettes',
        'updateCassette',
        'updateInteraction',
      ].sort(),
    );
    expect(names(schema.getSubscriptionType())).toEqual(
      ['cassetteUpdated', 'globalStatsUpdated', 'proxyTraffic'].sort(),
    );
  });
});
