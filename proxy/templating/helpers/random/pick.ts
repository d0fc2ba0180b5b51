import { helperError } from '../../errors';
import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';

export default defineHelper({
  name: 'pick',
  category: 'random',
  signature: 'pick item1 item2 … | pick array',
  description: 'One of the arguments (or of the items of one array argument), at random. Seedable.',
  examples: [
    { template: '{{pick "pending" "paid" "shipped"}}', note: 'one of the three' },
    { template: '{{pick (array "only")}}', output: 'only' },
  ],
  helper: (call) => {
    const [first] = call.params;
    const items =
      call.params.length === 1 && Array.isArray(first) ? (first as unknown[]) : call.params;
    if (items.length === 0) throw helperError(call.name, 'there is nothing to pick from');
    return items[currentRenderState().random.int(0, items.length - 1)];
  },
});
