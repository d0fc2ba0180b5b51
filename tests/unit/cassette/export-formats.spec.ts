import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  EXPORT_FORMATS,
  exportCassette,
  exportFormatDescription,
  isExportFormat,
  zipExports,
} from '../../../proxy/cassette/formats/export-formats';
import { decodeCassette } from '../../../proxy/cassette/formats/registry';
import { syntheticCassette } from '../../support/synthetic-cassettes';

describe('export formats', () => {
  const cassette = syntheticCassette('orders', { interactions: 3, bodySize: 200 });

  it.each([
    ['native', 'orders.json', 'native', 'json'],
    ['msgpack', 'orders.msgpack', 'native', 'msgpack'],
    ['magneto-v1', 'orders.json', 'magneto-v1', 'json'],
    ['har', 'orders.har', 'har', 'json'],
  ] as const)('%s gives %s that reads back as %s', (format, fileName, formatId, container) => {
    const file = exportCassette(cassette, format);
    expect(file.fileName).toBe(fileName);
    const decoded = decodeCassette(file.bytes);
    expect(decoded.format).toBe(formatId);
    expect(decoded.container).toBe(container);
    expect(decoded.cassette.interactions).toHaveLength(3);
    expect(exportFormatDescription(format)).not.toBe('');
  });

  it('gzips on request', () => {
    const file = exportCassette(cassette, 'msgpack', { gzip: true });
    expect(file.fileName).toBe('orders.msgpack.gz');
    expect(decodeCassette(file.bytes).compressed).toBe(true);
  });

  it('knows its formats', () => {
    expect(EXPORT_FORMATS).toEqual(['native', 'msgpack', 'magneto-v1', 'har']);
    expect(isExportFormat('har')).toBe(true);
    expect(isExportFormat('toString')).toBe(false);
    expect(isExportFormat('yaml')).toBe(false);
  });

  it('zips several exports and refuses duplicate names', () => {
    const other = syntheticCassette('users', { interactions: 1 });
    const zip = zipExports([exportCassette(cassette, 'har'), exportCassette(other, 'har')]);
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual(['orders.har', 'users.har']);
    expect(
      decodeCassette(entries['users.har'] ?? new Uint8Array()).cassette.interactions,
    ).toHaveLength(1);
    expect(() =>
      zipExports([exportCassette(cassette, 'har'), exportCassette(cassette, 'har')]),
    ).toThrow('two exported files are both named "orders.har"');
  });
});
