import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export default defineHelper({
  name: 'uuid',
  category: 'ids',
  signature: 'uuid',
  description:
    'A random version 4 UUID (Magneto-Serge compatible); the same seed gives the same UUIDs.',
  examples: [{ template: '{{uuid}}', note: 'such as 3b241101-e2bb-4255-8caf-4136c566a962' }],
  helper: () => {
    const { random } = currentRenderState();
    // Unseeded, the platform's generator gives the same kind of UUID, faster.
    if (!random.seeded) return crypto.randomUUID();
    const bytes = random.bytes(16);
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = Array.from(bytes, (byte) => HEX[byte]).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  },
});
