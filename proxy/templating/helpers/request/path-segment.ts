import { integerParam } from '../../helper-args';
import { defineHelper } from '../../helper-definition';
import { currentRenderState } from '../../render-state';

export default defineHelper({
  name: 'pathSegment',
  category: 'request',
  signature: 'pathSegment index',
  description:
    'One segment of the request path, from 0; negative indexes count from the end. Also `{{request.pathSegments.[2]}}`.',
  examples: [
    { template: '{{pathSegment 2}}', output: '42' },
    { template: '{{pathSegment -1}}', output: 'orders' },
    { template: '{{request.pathSegments.[1]}}', output: 'users' },
  ],
  helper: (call) =>
    currentRenderState().request.pathSegments.at(integerParam(call, 0, 'index')) ?? '',
});
