import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';

export default defineHelper({
  name: 'now_timestamp',
  category: 'dates',
  signature: 'now_timestamp',
  description: 'The time of the render as Unix seconds (Magneto-Serge compatible).',
  examples: [{ template: '{{now_timestamp}}', output: '1748872991' }],
  helper: () => Math.floor(currentRenderState().now.getTime() / 1000),
});
