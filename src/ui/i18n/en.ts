/**
 * English message catalogue: every user-visible string of the UI. `{name}` marks a parameter.
 * The key set is the type other catalogues must fill (see zh.ts).
 */
export const en = {
  'app.title': 'DriftLab',
  'app.tagline': 'Distributed clocks: drift, synchronisation, failure',
  'app.documentTitle': 'DriftLab — distributed clocks, live',

  'header.scenario': 'Scenario',
  'header.scenarioHint': 'Choose a built-in scenario',
  'header.imported': 'File: {name}',
  'header.import': 'Import JSON',
  'header.importHint': 'Load a scenario from a JSON file',
  'lang.switch': '中文',
  'lang.switchHint': 'Switch the interface to Chinese',

  'controls.label': 'Run controls',
  'controls.play': 'Play',
  'controls.pause': 'Pause',
  'controls.playHint': 'Run the simulation',
  'controls.pauseHint': 'Stop simulated time',
  'controls.step': 'Step',
  'controls.stepHint': 'Pause and advance to the next event',
  'controls.reset': 'Reset',
  'controls.resetHint': 'Restart this scenario from time 0 (live interventions are discarded)',
  'controls.speed': 'Speed',
  'controls.speedValue': '{speed}×',
  'controls.speedHint': 'Simulated seconds per real second (logarithmic)',
  'controls.speedAria': '{speed} times real time',
  'controls.paceSkipping': 'fast-forwarding a quiet period',
  'controls.paceBehind': 'cannot keep up: {rate}×',
  'controls.skipQuiet': 'Skip quiet periods',
  'controls.skipQuietHint':
    'While no message is in flight, fast-forward to the next send so the exchanges stay visible at slow speeds',
  'controls.simTime': 'Simulated time',

  'unit.s': 's',
  'unit.ms': 'ms',
  'unit.us': 'µs',
  'unit.ns': 'ns',

  'status.up': 'up',
  'status.crashed': 'crashed',
  'status.paused': 'paused',

  'node.reference': 'reference',
  'node.local': 'clock',
  'node.offset': 'offset',
  'node.crashHint': 'Node {id} is {status}. Click, Enter or Space to crash it.',
  'node.restartHint': 'Node {id} is crashed. Click, Enter or Space to restart it.',

  'topology.label': 'Network topology: nodes, links and messages in flight',
  'topology.starting': 'Starting the simulation…',
  'topology.noMessages': 'No messages yet: links appear as nodes start talking.',

  'legend.label': 'Legend',
  'legend.up': 'Running node',
  'legend.reference': 'Reference clock (true time)',
  'legend.crashed': 'Crashed (click to restart)',
  'legend.paused': 'Paused',
  'legend.ahead': 'Arc clockwise: clock ahead of true time',
  'legend.behind': 'Arc anticlockwise: clock behind',
  'legend.arcScale': 'A half-turn spans 1 µs to 1 s (log scale)',
  'legend.kinds': 'Message kinds',
  'legend.noKinds': 'none yet',

  'panel.run.title': 'This run',
  'panel.run.scenario': 'Scenario',
  'panel.run.protocols': 'Protocols',
  'panel.run.noProtocol': 'none: clocks run free',
  'panel.run.seed': 'Seed',
  'panel.run.nodes': 'Nodes',
  'panel.run.nodesUp': '{n} up',
  'panel.run.nodesCrashed': '{n} crashed',
  'panel.run.nodesPaused': '{n} paused',
  'panel.run.events': 'Events',
  'panel.run.inFlight': 'Messages in flight',
  'panel.run.violations': 'Violations',
  'panel.run.hash': 'Trace hash',
  'panel.run.hashHint':
    'Paused at time T, this equals the traceHash the command-line runner prints for --duration T',
  'panel.help.title': 'Try this',
  'panel.help.crash': 'Click a node to crash it; click it again to restart it.',
  'panel.help.step': 'Pause, then Step to move from one event to the next.',
  'panel.help.speed': 'Drag Speed to slow down and watch individual messages cross the links.',

  'error.importTitle': 'Scenario not loaded',
  'error.notJson': 'The file is not valid JSON: {detail}',
  'error.unreadable': 'The file could not be read.',
  'error.kept': 'The running simulation was left unchanged.',
  'error.dismiss': 'Dismiss',
  'error.commandRefused': 'The simulation refused that action: {detail}',
  'worker.restarted':
    'The simulation worker stopped unexpectedly ({detail}). It was restarted with the same scenario, paused at time 0.',
  'worker.gaveUp':
    'The simulation worker keeps failing ({detail}). Reload the page or choose another scenario.',
} satisfies Record<string, string>

export type MessageKey = keyof typeof en
export type Catalogue = Record<MessageKey, string>

/** Names and one-line blurbs of the built-in presets, keyed by preset id (presets.ts). */
export interface PresetText {
  name: string
  blurb: string
}

export const enPresets: Record<string, PresetText> = {
  'cristian-lan': {
    name: 'Cristian on a LAN',
    blurb: 'Four drifting clients ask one reference server for the time and step their clocks.',
  },
  'free-drift': {
    name: 'Drifting clocks, no sync',
    blurb: 'Three clocks with different frequency errors drift away from true time.',
  },
  'asymmetric-wan': {
    name: 'Asymmetric WAN',
    blurb:
      'Cristian over a path that is slower one way: the estimate settles off by half the asymmetry.',
  },
}
