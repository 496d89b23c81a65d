/** Logical time (Lamport, vector, HLC) and the clock-error bound: English strings. */
export const logicalEn = {
  'logical.title': 'Logical time',
  'logical.hint':
    'Kept by the runtime on every send and receipt, whatever protocol runs. Lamport: a counter, max + 1 on receipt. Vector: one counter per node. HLC: the largest physical time heard of, plus a counter.',
  'logical.lamport': 'Lamport',
  'logical.vector': 'Vector',
  'logical.hlc': 'HLC (l, c)',
  'logical.vectorOff': 'not kept (more than {max} nodes)',
  'logical.hlcAhead': 'l − local clock: {ahead}',
  'logical.errorBound': 'Clock-error bound',
  'logical.errorBoundHint':
    'What this node’s clock-sync algorithm itself knows of its error (NTP root distance; Cristian RTT/2; Berkeley’s bound; plus drift since the last sync). TrueTime’s ε "auto" uses it.',
  'logical.errorBoundUnknown': 'unknown (not synchronised yet)',
  'logical.errorBoundActual': 'actual |offset| {actual}',
  'logical.show': 'Stamps',
  'logical.showHint': 'Write each event’s logical timestamp beside it',
  'logical.show.none': 'none',
  'logical.show.lamport': 'Lamport',
  'logical.show.vector': 'vector',
  'logical.show.hlc': 'HLC',
  'logical.tooMany': 'Too many events in view: zoom in to read their stamps.',
  'logical.select': 'Click an event (an arrow’s end) to see what happened before and after it.',
  'logical.selected':
    '{node} event: {past} events in its causal past, {future} in its future, {concurrent} concurrent.',
  'logical.clear': 'Clear',
  'logical.legend.past': 'Happened before',
  'logical.legend.future': 'Happened after',
  'logical.legend.concurrent': 'Concurrent',
} satisfies Record<string, string>
