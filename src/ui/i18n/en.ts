import { workspaceEn } from './workspace.en'
import { toolsEn } from './tools.en'
import { chronyPresetsEn } from './chrony.en'
import { logicalEn } from './logical.en'
import { transactionsEn, transactionsPresetsEn } from './transactions.en'
import { wireEn } from './wire.en'
import type { PresetText } from './presetText'

/**
 * English message catalogue: every user-visible string of the UI. `{name}` marks a parameter.
 * The key set is the type other catalogues must fill (see zh.ts).
 */
import { lessonsEn } from './lessons.en'

export const en = {
  ...workspaceEn,
  ...toolsEn,
  ...logicalEn,
  ...transactionsEn,
  ...wireEn,
  'app.title': 'DriftLab',
  'app.tagline': 'Distributed clocks: drift, synchronisation, failure',
  'app.documentTitle': 'DriftLab — distributed clocks, live',

  'header.scenario': 'Scenario',
  'header.scenarioHint': 'Choose a built-in scenario',
  'header.imported': 'File: {name}',
  'header.lessonSource': 'Lesson: {title}',
  'header.import': 'Import JSON',
  'header.importHint': 'Load a scenario from a JSON file',
  'lang.switch': '中文',
  'lang.switchHint': 'Switch the interface to Chinese',

  'runStrip.label': 'Run controls and timeline',
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
  'controls.speedLimited': 'slower than asked: {rate}×',
  'controls.speedLimitedHint':
    'This run has more events than the computer can simulate at the chosen speed, so it runs as fast as it can instead of freezing the page.',
  'controls.skipQuiet': 'Skip quiet periods',
  'controls.skipQuietHint':
    'While no message is in flight, fast-forward to the next send so the exchanges stay visible at slow speeds',
  'controls.simTime': 'Simulated time',
  'header.pickerEnter': 'Enter opens it',
  'controls.undo': 'Undo',
  'controls.undoHint': 'Take back the last change to the interventions (Ctrl+Z)',
  'controls.redo': 'Redo',
  'controls.redoHint': 'Make the undone change again (Ctrl+Shift+Z)',

  'confirm.cancel': 'Cancel',
  'confirm.replaceTitle': 'Replace the recorded future?',
  'confirm.replaceBody.one':
    'The run was rewound: 1 intervention is recorded after this time. Acting now replaces it, and the run goes on from here without it. Undo brings it back.',
  'confirm.replaceBody.many':
    'The run was rewound: {count} interventions are recorded after this time. Acting now replaces them, and the run goes on from here without them. Undo brings them back.',
  'confirm.replace': 'Replace',
  'confirm.discardTitle': 'Open another scenario?',
  'confirm.discardBody.one':
    'Opening “{name}” discards this run and the 1 intervention you made in it.',
  'confirm.discardBody.many':
    'Opening “{name}” discards this run and the {count} interventions you made in it.',
  'confirm.discard': 'Open it',
  'confirm.resetTitle': 'Restart from time 0?',
  'confirm.resetBody.one':
    'Restarting discards the 1 intervention you made in this run, and Undo cannot bring it back.',
  'confirm.resetBody.many':
    'Restarting discards the {count} interventions you made in this run, and Undo cannot bring them back.',
  'confirm.reset': 'Restart',

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
  'legend.showMarks': 'What the marks mean',
  'legend.hideMarks': 'Hide the key',
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
  'error.unreadable': 'The file could not be read.',
  'error.kept': 'The running simulation was left unchanged.',
  'error.dismiss': 'Dismiss',
  'error.commandRefused': 'The simulation refused that action: {detail}',
  'worker.restarted':
    'The simulation worker stopped unexpectedly ({detail}). It was restarted with the same scenario, paused at time 0.',
  'worker.gaveUp':
    'The simulation worker keeps failing ({detail}). Reload the page or choose another scenario.',

  // ---- timeline and space-time diagram (src/ui/timeline, src/ui/spacetime) ----
  'worker.recovered':
    'The simulation worker stopped unexpectedly ({detail}). A new one replayed the run (interventions made so far: {n}) and resumed at {time} s.',
  'worker.dropped': 'The scenario it was opening when it stopped was not loaded again.',
  'seek.loading': 'Running the simulation to {to} s before showing it…',
  'seek.seeking': 'Running the simulation to {to} s…',
  'seek.reached': '{at} s reached ({pct} %)',
  'seek.bar': 'Simulated time reached',
  'seek.cancel': 'Cancel',
  'seek.cancelled':
    'Stopped at {at} s instead of {to} s, paused. What you see is the run at {at} s; press Play to go on from there.',
  'stall.loading': 'The simulation has not answered for {s} s while loading “{name}”.',
  'stall.running':
    'The simulation has not answered for {s} s while running “{name}” (last seen at {time} s).',
  'stall.note':
    'It may be stuck. A restarted worker goes back to the last run it had, paused at the time on screen, without what it got stuck on.',
  'stall.restart': 'Restart the simulation',
  'large.title': 'This scenario is larger than the browser handles comfortably:',
  'large.nodes': '{n} nodes (comfortable: up to {limit})',
  'large.messageRate': 'about {n} messages per simulated second (comfortable: up to {limit})',
  'large.peerStates': '{n} client–server pairs kept by clock sync (comfortable: up to {limit})',
  'large.talkingPairs': '{n} node pairs exchanging messages (comfortable: up to {limit})',
  'large.events': 'about {n} events in all',
  'large.note':
    'Loading it may make the page slow and use much memory. The run on screen goes on until you choose. The command-line tool runs scenarios of any size.',
  'large.load': 'Load it anyway',
  'large.keep': 'Keep the current run',
  'timeline.label': 'Timeline',
  'timeline.aria': 'Simulated time in the recorded run',
  'timeline.hint':
    'Drag, or use the arrow keys (Shift: finer, Page Up/Down: coarser, Home: start, End: latest), to go back to any moment of the recorded run. Acting in the past replaces the future.',
  'timeline.valueText': '{now} s of {head} s recorded',
  'timeline.readout': '{now} / {head} s',
  'timeline.toHead': 'Latest',
  'timeline.toHeadHint': 'Jump to the latest recorded moment',
  'timeline.checkpoints': '{n} checkpoints; the last seek took {ms} ms',
  'timeline.violations': '{n} invariant violations (red marks), the first at {first} s',
  'timeline.replaced':
    'Future replaced: an intervention at {from} s discarded the run recorded up to {to} s',
  'spacetime.title': 'Space-time diagram',
  'spacetime.hint':
    'One line per node, true time to the right. Each arrow is a message from its send to its receipt; a cross marks a dropped one. Hover for details. Scroll to zoom, drag to pan.',
  'spacetime.window': 'Keeps the last {seconds} s of simulated time, at most {max} messages.',
  'spacetime.windowFrom': 'Kept from {from} s.',
  'spacetime.windowCapped': 'Message limit reached: kept from {from} s.',
  'spacetime.lanesLabel': 'Which nodes the diagram shows',
  'spacetime.lanes': 'Nodes {from}–{to} of {total}',
  'spacetime.lanesPrev': '◀ Previous {count}',
  'spacetime.lanesNext': 'Next {count} ▶',
  'spacetime.lanesHint':
    'An arrow leaving the top or bottom goes to a node not shown. Selecting a node (inspector, clock table) shows its lane.',
  'spacetime.follow': 'Follow live',
  'spacetime.followHint': 'Keep the present moment in view (panning back stops following)',
  'spacetime.localTicks': 'Local clock ticks',
  'spacetime.localTicksHint':
    'Tick marks where each node’s own clock reads a round value. Compare them across nodes: clocks disagree.',
  'spacetime.axis': 'True time (s)',
  'spacetime.empty': 'No messages yet: arrows appear as nodes talk.',
  'spacetime.starting': 'Starting the simulation…',
  'spacetime.label': 'Space-time diagram: node lines over true time, messages as arrows',
  'spacetime.legend.message': 'Message (colour: kind)',
  'spacetime.legend.inFlight': 'On its way',
  'spacetime.legend.dropped': 'Dropped',
  'spacetime.legend.crashed': 'Node crashed (dashed) / paused (dotted)',
  'spacetime.legend.crash': 'Crash',
  'spacetime.legend.restart': 'Restart',
  'spacetime.legend.pause': 'Pause / resume',
  'spacetime.legend.step': 'Clock stepped ahead / back',
  'spacetime.legend.clockChange': 'Frequency error or false time set',
  'spacetime.legend.network': 'Partition or cut link / healed / network setting',
  'spacetime.legend.elected': 'Leader elected',
  'spacetime.legend.violation': 'Invariant violated',
  'spacetime.legend.local': 'Local clock tick',
  'spacetime.legend.outside': 'Before the kept window',
  'spacetime.card.sent': 'Sent',
  'spacetime.card.received': 'Received',
  'spacetime.card.dropped': 'Dropped',
  'spacetime.card.true': 'true time {t} s',
  'spacetime.card.local': '{node}’s clock {t} s',
  'spacetime.card.transit': 'In transit {d}',
  'spacetime.card.payload': 'Payload',
  'spacetime.card.loading': 'loading…',
  'spacetime.card.gone': 'no longer kept',
  'spacetime.card.at': 'at {t} s',
  'spacetime.drop.loss': 'lost on the way (random loss)',
  'spacetime.drop.cut': 'the link is cut',
  'spacetime.drop.partition': 'across a partition',
  'spacetime.drop.crashed': 'the receiver was down',
  'spacetime.mark.crash': '{node} crashed',
  'spacetime.mark.restart': '{node} restarted',
  'spacetime.mark.pause': '{node} paused',
  'spacetime.mark.resume': '{node} resumed',
  'spacetime.mark.noChange': '{what} (no effect: the node was already in that state)',
  'spacetime.mark.clockStep': '{node}’s clock stepped by {by} (intervention)',
  'spacetime.mark.clockStepProtocol':
    '{node}’s clock stepped by {by} by its synchronisation protocol',
  'spacetime.mark.setSkew': '{node}’s frequency error set to {ppm} ppm',
  'spacetime.mark.falseticker': '{node} now serves time {lie} off',
  'spacetime.mark.honest': '{node} serves the true time again',
  'spacetime.mark.partition': 'Partition: {groups}',
  'spacetime.mark.heal': 'Network healed: partition and cut links removed',
  'spacetime.mark.cutLink': 'Link {from} → {to} cut',
  'spacetime.mark.healLink': 'Link {from} → {to} restored',
  'spacetime.mark.setLoss': 'Message loss set to {p}',
  'spacetime.mark.setLatency': 'Latency set to {base} + {jitter} jitter',
  'spacetime.mark.setDuplicate': 'Message duplication set to {p}',
  'spacetime.mark.elected': '{node} became leader',
  'spacetime.mark.stepDown': '{node} stepped down as leader',
  'spacetime.mark.violation': 'Invariant violated: {invariant}',

  // ---- Break it, rewind it, share it: links, partitions, node menu, log, share, session ----
  'share.sourceLink': 'Shared link',
  'unit.ppm': 'ppm',
  'unit.percent': '%',

  'link.upHint': 'Link {from} → {to} carries messages. Click, Enter or Space to cut it.',
  'link.cutHint':
    'Link {from} → {to} is cut: its messages are dropped. Click, Enter or Space to heal it.',
  'link.blockedHint':
    'Link {from} → {to} crosses the partition: its messages are dropped until the network heals. Click, Enter or Space to cut it as well.',
  'legend.cut': 'Cut link (click to heal)',
  'legend.blocked': 'Blocked by a partition',

  'node.moreHint': 'Right-click, Shift+F10 or the Menu key: more actions.',
  'node.assignHint':
    'Node {id} is in group {group}. Click, Enter or Space to put it in group {brush}.',

  'menu.label': 'Actions for node {id}',
  'menu.crash': 'Crash',
  'menu.restart': 'Restart',
  'menu.pause': 'Pause the process',
  'menu.resume': 'Resume the process',
  'menu.stepForward': 'Step clock +{amount}',
  'menu.stepBack': 'Step clock −{amount}',
  'menu.stepBy': 'Step clock by…',
  'menu.skew': 'Set drift…',
  'menu.falseticker': 'Make it a falseticker…',
  'menu.honest': 'Stop lying (falseticker off)',
  'menu.stepByLabel': 'Step the clock of {id} by',
  'menu.skewLabel': 'Frequency error of {id} (+ runs fast)',
  'menu.lieLabel': 'Time {id} serves is off by',
  'menu.apply': 'Apply',
  'menu.cancel': 'Cancel',

  'input.notNumber': 'Enter a number; nothing was changed.',
  'input.range': 'Must be between {min} and {max} {unit}; nothing was changed.',

  'perturb.title': 'Break it',
  'perturb.loss': 'Message loss',
  'perturb.lossHint': 'Chance that a message is lost, on every link',
  'perturb.latency': 'Latency (base)',
  'perturb.latencyHint': 'One-way delay every message takes at least',
  'perturb.jitter': 'Jitter (mean)',
  'perturb.jitterHint': 'Mean of the random extra delay (exponential) added to the base',
  'perturb.valueAria': '{value} {unit}',
  'perturb.dropped': 'Messages dropped',
  'perturb.cuts': 'Cut links',
  'perturb.none': 'none',
  'perturb.linksHint': 'Click a link arrow to cut that direction; click it again to heal it.',
  'perturb.nodeHint':
    'Right-click a node (or focus it and press Shift+F10) to crash, pause, step its clock, set its drift or make it lie.',
  'perturb.partition': 'Partition',
  'perturb.partitionStart': 'Split into groups…',
  'perturb.brush': 'Clicked nodes go to',
  'perturb.group': 'Group {name}',
  'perturb.apply': 'Apply partition',
  'perturb.cancel': 'Cancel',
  'perturb.heal': 'Heal all',
  'perturb.healHint': 'End the partition and heal every cut link',
  'perturb.partitioned': 'In force: {groups}',
  'perturb.isolated': 'isolated: {nodes}',
  'perturb.noPartition': 'No partition in force.',

  'log.title': 'Interventions',
  'log.empty': 'None yet: every live intervention is listed here with its simulated time.',
  'log.remove': 'Remove',
  'log.removeHint':
    'Take back “{what}”: rebuild the run without it, up to the current simulated time',
  'log.future': 'after the current time (on the branch you rewound from)',

  'iv.crash': 'Crash {node}',
  'iv.restart': 'Restart {node}',
  'iv.pause': 'Pause {node}',
  'iv.resume': 'Resume {node}',
  'iv.clockStep': 'Step the clock of {node} by {by}',
  'iv.setSkew': 'Set the drift of {node} to {ppm} ppm',
  'iv.falseticker': '{node} serves time off by {lie}',
  'iv.honest': '{node} stops lying',
  'iv.partition': 'Partition: {groups}',
  'iv.heal': 'Heal the network',
  'iv.cutLink': 'Cut link {from} → {to}',
  'iv.healLink': 'Heal link {from} → {to}',
  'iv.setLoss': 'Set message loss to {p}',
  'iv.setLatency': 'Set latency to {base}, jitter {jitter}',
  'iv.setDuplicate': 'Set message duplication to {p}',
  'iv.propose': '{node}: propose “{value}”',
  'iv.read': '{node}: read',

  'share.title': 'Share and export',
  'share.link': 'Copy share link',
  'share.linkHint': 'A link that replays this exact run, opening paused at the current time',
  'share.copied': 'Link copied to the clipboard.',
  'share.copyFailed': 'Could not copy automatically: select the link below and copy it.',
  'share.urlLabel': 'Share link',
  'share.tooLong':
    'This run is too large for a link ({n} characters); export the scenario file instead.',
  'share.notExact':
    'A fault and a client operation made at the same instant replay in a fixed order (faults first).',
  'share.exportScenario': 'Scenario JSON',
  'share.exportScenarioHint':
    'Download the scenario with the live interventions as faults: the command-line runner replays this session exactly',
  'share.exportSvg': 'SVG',
  'share.exportPng': 'PNG',
  'share.imageLabel': 'Topology image',
  'share.imageHint': 'Save the topology view as it is now',
  'share.exportCsv': 'Offsets CSV',
  'share.csvHint':
    'Every sample the offset charts hold: each node’s offset and rate correction over time',
  'share.failed': 'Export failed: {detail}',
  'share.opened': 'Opened a shared run, paused at {t} s.',

  'session.saveFailedTitle': 'Not saved.',
  'session.saveFailed':
    'The browser’s storage is full, so this session could not be kept: after a reload an older one would come back. Export the scenario or make a share link to keep your work.',
  'session.restored': 'Restored your last session, paused at {t} s.',
  'error.linkTitle': 'Share link not opened',
  'error.sessionTitle': 'Saved session ignored',
  'error.sessionFresh': 'A fresh run was started instead.',
  'error.fileTooLarge': 'The file is too large ({size} MB; at most {max} MB).',

  // ---- consensus views (src/ui/consensus) ----
  'list.separator': ', ',
  'phase.prepare': 'Prepare',
  'phase.promise': 'Promise',
  'phase.accept': 'Accept',
  'phase.accepted': 'Accepted',
  'phase.nack': 'Nack (refused)',
  'phase.heartbeat': 'Heartbeat',
  'phase.heartbeatAck': 'Lease ack',
  'phase.forward': 'Forward to leader',
  'phase.forwardRead': 'Forward read',
  'phase.readReply': 'Read reply',
  'phase.catchup': 'Catch-up request',
  'phase.decide': 'Decided entries',

  'consensus.title': 'Consensus',
  'consensus.summary.multi': 'Multi-Paxos · {n} nodes · majority {quorum}',
  'consensus.summary.single': 'Single-decree Paxos · {n} nodes · majority {quorum}',
  'consensus.leaderNow': 'Leader: {node} (ballot {ballot})',
  'consensus.noLeader': 'No leader right now',
  'consensus.lastElection':
    '· elections won: {n}, last by {node} with ballot {ballot} at t = {at} s',
  'consensus.marks':
    'On the map: a crown marks the leader; the grey ring around a follower is the time left on its election timer, by its own clock (full ring: the longest timeout).',
  'consensus.role.leader': 'leader',
  'consensus.role.candidate': 'candidate',
  'consensus.role.follower': 'follower',
  'consensus.role.proposer': 'proposer',
  'consensus.role.acceptor': 'acceptor',
  'consensus.role.crashed': 'crashed',
  'consensus.col.node': 'Node',
  'consensus.col.role': 'Role',
  'consensus.col.ballot': 'Ballot',
  'consensus.col.ballotHint':
    'The ballot this node runs as proposer, candidate or leader (round.node)',
  'consensus.col.promised': 'Promised',
  'consensus.col.promisedHint':
    'The highest ballot its acceptor promised (maxBal): it will not vote below it',
  'consensus.col.slot': 'slot {slot}',
  'consensus.col.log': 'Log',
  'consensus.none': '—',
  'consensus.noSlots': 'No slot used yet: propose a value.',
  'consensus.logHint':
    'Each slot cell shows the value this node voted for and the ballot of its vote; green once the node has learned the value is chosen. A red edge: it learned something other than its own vote.',
  'consensus.cell.chosen': 'Slot {slot}: {value} is chosen (this node voted at ballot {ballot}).',
  'consensus.cell.voted':
    'Slot {slot}: voted for {value} at ballot {ballot}; not known to be chosen yet.',
  'consensus.cell.differs': 'Its own vote in this slot was for another entry.',
  'consensus.truth': 'Chosen, as the checker sees it',
  'consensus.truthHint':
    'The first entry a majority voted for in each slot, seen from outside by the safety checker, whether or not any node has learned it yet. Red: some node learned something else in that slot.',
  'consensus.truthAt': 't = {at} s',
  'consensus.entry.noop': 'no-op',
  'consensus.entry.read': 'read',
  'consensus.quorum.promises': '{have} of {need} promises',
  'consensus.quorum.accepted': 'slot {slot}: {have} of {need} accepted',
  'consensus.quorum.more': '{text} (+{n} more)',

  'consensus.lease.title': 'Leases: by each node’s own clock and in true time',
  'consensus.lease.off': 'Leases are off in this scenario: every read goes through the log.',
  'consensus.lease.bound':
    'Drift bound {ppm} ppm: of a {follower} s promise, the leader counts only {leader} s, from the send time of its heartbeat.',
  'consensus.lease.tick': '+{s}',
  'consensus.lease.axis': 'time left (s)',
  'consensus.lease.none': 'Nobody holds or grants a lease right now.',
  'consensus.lease.own': '{node} holds the lease',
  'consensus.lease.grant': '{node} promised {holder}',
  'consensus.lease.localHint': 'Time left as the node’s own clock counts it',
  'consensus.lease.trueHint': 'When its clock will really get there, in true time',
  'consensus.lease.safeHint': 'Where the majority’s promises to this leader run out, in true time',
  'consensus.lease.left': 'its clock: {local} · true time: {true}',
  'consensus.lease.expired': 'expired',
  'consensus.lease.unsafe': 'unsafe for {by}',
  'consensus.lease.keyLocal': 'left by the node’s own clock',
  'consensus.lease.keyTrue': 'left in true time',
  'consensus.lease.keyUnsafe':
    'lease time no majority of promises backs (a stale read is possible)',

  'client.title': 'Client',
  'client.node': 'Node',
  'client.value': 'Value',
  'client.valuePlaceholder': 'e.g. apple',
  'client.propose': 'Propose',
  'client.proposeHint': 'Hand the value to this node; it forwards it to the leader',
  'client.read': 'Read',
  'client.readHint': 'Ask this node for the register’s latest value',
  'client.error.empty': 'Type a value to propose.',
  'client.error.tooLong': 'A value can be at most {max} characters long; this one has {n}.',
  'client.error.control': 'Use printable characters only (no tabs or line breaks).',
  'client.error.crashed':
    '{node} is crashed and cannot take client requests. Click it in the map to restart it, or pick another node.',
  'client.crashedOption': '{node} (crashed)',
  'client.requests': 'Requests',
  'client.none': 'No requests yet.',
  'client.item.propose': 'propose {value}',
  'client.item.read': 'read',
  'client.at': 't = {at} s',
  'client.nothing': '(nothing)',
  'client.pending': 'waiting…',
  'client.chosen': 'chosen in slot {slot} at t = {at} s',
  'client.lost': 'not chosen: the one decree went to {winner}',
  'client.answer.lease': '→ {value}, answered by {by} from its lease at t = {at} s',
  'client.answer.log': '→ {value}, answered by {by} through the log at t = {at} s',
  'client.answer.local': '→ {value}, from {by}’s own log (not linearizable) at t = {at} s',

  'safety.title': 'Safety checker',
  'safety.ok': 'No invariant violated',
  'safety.bad': '{n} violation(s), latest: {invariant}',
  'safety.watching': 'Checking live: {list}.',
  'safety.broke': '{invariant} broken',
  'safety.when': 't = {at} s',
  'safety.where.slot': 'slot {slot}',
  'safety.where.nodes': 'nodes {nodes}',
  'safety.where.values': 'values {values}',
  'safety.detail': 'Checker’s report',
  'safety.earlier': '{n} earlier violation(s) not listed.',
  'invariant.agreement': 'Agreement',
  'invariant.agreement.rule': 'At most one value may be chosen in a slot.',
  'invariant.validity': 'Validity',
  'invariant.validity.rule': 'Only a value some client proposed may be chosen.',
  'invariant.integrity': 'Integrity',
  'invariant.integrity.rule': 'A node may learn only the value chosen in that slot.',
  'invariant.one-value-per-ballot': 'One value per ballot',
  'invariant.one-value-per-ballot.rule': 'Acceptors never vote for two values under one ballot.',
  'invariant.maxbal-monotonic': 'Promises never go back',
  'invariant.maxbal-monotonic.rule':
    'The ballot an acceptor promised never decreases, across crashes too.',
  'invariant.maxvbal-le-maxbal': 'Vote within promise',
  'invariant.maxvbal-le-maxbal.rule': 'An acceptor never votes at a ballot above its promise.',
  'invariant.lease-exclusivity': 'Lease exclusivity',
  'invariant.lease-exclusivity.rule':
    'Never two nodes believing they hold a valid lease at the same true time.',
  'invariant.stale-read': 'No stale reads',
  'invariant.stale-read.rule': 'A read reflects every write completed before it began.',

  'variant.broken': 'Broken on purpose',
  'variant.dueling-proposers.title': 'Dueling proposers: no leader election, no randomised backoff',
  'variant.dueling-proposers.body':
    'A refused proposer retries at once with a higher ballot. Two proposers keep pre-empting each other, so nothing is ever chosen: a livelock. Safety holds, progress does not. Real Multi-Paxos elects one leader with randomised timeouts and backs off after a refusal.',
  'variant.no-durable-acceptor.title': 'Acceptors without durable storage',
  'variant.no-durable-acceptor.body':
    'Acceptors keep their promises and votes in memory only, so a crash makes them forget what they promised and voted for. A later leader can then choose a second value in a slot that was already decided. Real acceptors write to disk before they answer.',

  // ---- clock synchronisation views (src/ui/clock)
  'clock.title': 'Clock synchronisation',
  'clock.referenceMark': 'ref',
  'clock.ppm': 'ppm',
  'clock.inspectHint': 'Show {id} in the node inspector',
  'clock.chart.offsetTitle': 'Offset from true time',
  'clock.chart.correctionTitle': 'Frequency correction applied by the algorithm',
  'clock.chart.offsetAxis': 'offset ({unit})',
  'clock.chart.correctionAxis': 'correction (ppm)',
  'clock.chart.timeAxis': 'simulated time (s)',
  'clock.chart.areaLabel':
    'Clock charts. Left and right arrows move in time, plus and minus zoom, Home shows the whole run.',
  'clock.view.label': 'Chart time window',
  'clock.view.all': 'Whole run',
  'clock.view.zoomIn': 'Zoom in',
  'clock.view.zoomOut': 'Zoom out',
  'clock.view.earlier': '◀ Earlier',
  'clock.view.later': 'Later ▶',
  'clock.view.hint': 'Wheel to zoom, drag to pan',
  'clock.legend.label': 'Nodes (select one to inspect it)',
  'clock.legend.band': 'band: ± current accuracy; zero line: true time',
  'clock.quality.precision': 'Precision',
  'clock.quality.accuracy': 'Accuracy',
  'clock.quality.precisionHint': 'Largest difference between two live clocks (max − min offset)',
  'clock.quality.accuracyHint': 'Largest distance of a live clock from true time (max |offset|)',
  'clock.quality.definition':
    'Precision: how closely the clocks agree with each other. Accuracy: how close the worst one is to true time.',
  'clock.quality.captionNtp':
    'NTP follows reference clocks, so the clocks agree with each other because each agrees with true time: the two figures stay close.',
  'clock.quality.captionSntp':
    'SNTP follows one reference server and applies each answer at once: between polls each clock drifts at its own rate, so both figures saw-tooth together.',
  'clock.quality.captionCristian':
    'Cristian steps each client to its server’s time plus half the round trip, so agreeing with the server is agreeing with true time: the two figures stay close.',
  'clock.quality.captionBerkeley':
    'Berkeley averages the clocks and moves each to the average: they end up agreeing with each other (good precision) while the average itself may be far from true time (poor accuracy).',
  'clock.quality.captionNaive':
    'The naive rule pushes each clock further the wrong way every round: both figures grow.',
  'clock.quality.captionFree':
    'Without synchronisation every clock drifts at its own rate: both figures grow over time.',
  'clock.table.caption':
    'Every node’s clock: reading, offset, frequency error, correction and sync state',
  'clock.table.node': 'Node',
  'clock.table.local': 'Local clock',
  'clock.table.offset': 'Offset',
  'clock.table.skew': 'Skew (ppm)',
  'clock.table.skewHint':
    'The oscillator’s frequency error now: constant skew plus random-walk wander',
  'clock.table.correction': 'Correction (ppm)',
  'clock.table.correctionHint':
    'The rate change the algorithm applies to the clock now: frequency correction plus any slew',
  'clock.table.sync': 'Sync state',
  'clock.table.more': 'Showing the first {shown} of {total} nodes.',
  'clock.sync.reference': 'reference clock',
  'clock.sync.none': 'free-running',
  'clock.sync.ntpReference': 'reference · stratum 1',
  'clock.sync.stratum': 'stratum {n}',
  'clock.sync.noMajority': 'no majority',
  'clock.sync.timeServer': 'time server',
  'clock.sync.waiting': 'waiting for a reply',
  'clock.sync.lastRtt': 'last RTT {rtt}',
  'clock.sync.naive': 'naive rule (misconception)',
  'clock.sync.lying': 'lying',
  'clock.sync.stepped': 'stepped by {by}',
  'clock.sync.slewing': 'slewing {by}',
  'clock.sync.master': 'master · round {round}',
  'clock.sync.slave': 'slave',
  'clock.sync.adjusted': 'adjusted by {by}',
  'clock.sntp.server': 'The time server: clients apply each of its answers at once.',
  'clock.sntp.polls': 'Polls sent',
  'clock.sntp.lastCorrection': 'Last correction',
  'clock.sntp.note':
    'RFC 4330: NTP’s packets and arithmetic with a single server; every answer is applied at once (stepped beyond 128 ms, else slewed). No clock filter, no selection, no frequency correction: between polls the clock drifts freely.',
  'clock.berkeley.role': 'Role',
  'clock.berkeley.master': 'master: polls every clock and sends the adjustments',
  'clock.berkeley.slave': 'slave: applies the adjustments the master sends',
  'clock.berkeley.lastAdjustment': 'Last adjustment',
  'clock.berkeley.notMoved': '{by} (a reference clock does not move)',
  'clock.berkeley.roundTitle': 'Round {round}: the master’s estimates and the adjustments it sent',
  'clock.berkeley.estimate': 'Estimate',
  'clock.berkeley.estimateHint':
    'The node’s clock minus the master’s, read Cristian-style: its answer plus half the round trip',
  'clock.berkeley.sent': 'Adjustment',
  'clock.berkeley.sentHint':
    'Average minus the estimate: what the master told this node to add to its clock',
  'clock.berkeley.used': 'averaged',
  'clock.berkeley.outlier': 'outlier: left out',
  'clock.berkeley.noReply': 'no reply',
  'clock.berkeley.slow': 'round trip too long',
  'clock.berkeley.average':
    'Fault-tolerant average: {average} from the master’s clock. Every node is moved to it, outliers included; nothing ties it to true time.',
  'clock.berkeley.lastOutliers':
    'Last round with outliers: round {round} (t = {at} s) left {nodes} out of the average.',
  'clock.berkeley.noOutliers': 'No round has left a clock out of the average so far.',
  'clock.naive.server': 'The reference the naive clients read.',
  'clock.naive.label': 'Misconception:',
  'clock.naive.rounds': '{n} rounds so far, each one doubling the error.',
  'clock.naive.diverged': 'the error is absurd now; the client gave up',
  'clock.naive.took': 'the rule stepped by +Δt = {step} (wrong)',
  'clock.naive.should': 'it should have stepped by −Δt = {step}',
  'clock.inspector.title': 'Node inspector',
  'clock.inspector.status': 'Status: {status}',
  'clock.inspector.node': 'Node',
  'clock.inspector.hint':
    'Choose a node here, or from the table or the legend. (Clicking a node in the network crashes it.)',
  'clock.inspector.crashed':
    'Crashed: its protocol state is lost until it restarts. Its clock keeps running.',
  'clock.inspector.noSync': 'No clock synchronisation in this scenario: the clock runs free.',
  'clock.perturb.title': 'Perturb this clock',
  'clock.perturb.drift': 'Drift',
  'clock.perturb.driftInput': 'Drift in ppm',
  'clock.perturb.setDrift': 'Set drift',
  'clock.perturb.currentDrift':
    'Oscillator skew now: {ppm} ppm (slider ±1000 ppm; type up to ±100 000)',
  'clock.perturb.driftRange':
    'Drift must be between −{limit} and +{limit} ppm. Nothing was changed.',
  'clock.perturb.driftNotNumber':
    'Drift must be a number of ppm, such as 150 or −20. Nothing was changed.',
  'clock.perturb.step': 'Step the clock',
  'clock.perturb.lie': 'Falseticker lie',
  'clock.perturb.makeFalseticker': 'Make falseticker',
  'clock.perturb.endLie': 'Tell the truth',
  'clock.perturb.honest': 'Answers time requests honestly.',
  'clock.perturb.lying': 'Falseticker: answers time requests {lie} off.',
  'clock.perturb.lieRange':
    'The lie must be between −{limit} and +{limit} ms. Nothing was changed.',
  'clock.perturb.lieNotNumber':
    'The lie must be a number of milliseconds, such as 250. Nothing was changed.',
  'clock.ntp.reference':
    'A reference clock (stratum 1): it is true time and answers every request with it.',
  'clock.ntp.state': 'Discipline',
  'clock.ntp.stateNSET': 'no offset yet',
  'clock.ntp.stateFREQ': 'measuring the frequency over the stepout interval',
  'clock.ntp.stateSYNC': 'synchronised: phase/frequency-lock loop running',
  'clock.ntp.stateSPIK': 'a large offset is pending: a spike, or a step if it lasts',
  'clock.ntp.poll': 'Poll interval',
  'clock.ntp.pollValue': '2^{tau} = {seconds} s',
  'clock.ntp.freq': 'Frequency correction',
  'clock.ntp.residual': 'Offset still to slew',
  'clock.ntp.jitter': 'Clock jitter',
  'clock.ntp.systemPeer': 'System peer',
  'clock.ntp.agreed': 'Agreed interval',
  'clock.ntp.agreedBy': 'agreed by {n}',
  'clock.ntp.peersTitle': 'Servers (associations)',
  'clock.peer.server': 'Server',
  'clock.peer.status': 'Verdict',
  'clock.peer.reach': 'Reach',
  'clock.peer.offsetHint': 'θ offset: server minus this clock, from the least-delay filter sample',
  'clock.peer.delayHint': 'δ round-trip delay of that sample',
  'clock.peer.dispHint': 'ε dispersion: how uncertain the filter’s samples are',
  'clock.peer.jitterHint': 'ψ jitter: RMS spread of the filter’s offsets',
  'clock.peer.distanceHint':
    'λ root distance: half-width of the correctness interval [θ − λ, θ + λ]',
  'clock.peer.reachHint':
    'Reach register: one bit per poll, newest on the right; 11111111 = the last eight polls answered',
  'clock.peer.showHint': 'Show the filter and the last exchange with {id}',
  'clock.peer.selected': 'system peer',
  'clock.peer.candidate': 'candidate',
  'clock.peer.truechimer': 'truechimer',
  'clock.peer.falseticker': 'falseticker',
  'clock.peer.unfit': 'unfit',
  'clock.unfit.unreachable': 'unreachable',
  'clock.unfit.unsynchronised': 'unsynchronised',
  'clock.unfit.distance': 'too far',
  'clock.unfit.loop': 'timing loop',
  'clock.filter.title': 'Clock filter of {id} (8 stages, newest first)',
  'clock.filter.taken': 'Taken at',
  'clock.filter.at': '{t} s',
  'clock.filter.empty': 'empty',
  'clock.filter.note':
    'The stage with the least delay gives the peer’s offset (highlighted): its round trip leaves the least room for an asymmetric path.',
  'clock.exchange.title': 'Last exchange: {client} asks {server}',
  'clock.exchange.diagramLabel':
    'Timelines of client and server: the request leaves at T1 and arrives at T2, the reply leaves at T3 and arrives at T4',
  'clock.exchange.clientClock': 'client clock',
  'clock.exchange.serverClock': 'server clock',
  'clock.exchange.thetaNote': 'server minus client: the client adds this to its clock',
  'clock.exchange.deltaNote': 'time on the wire; θ is off by at most δ/2 = {bound}',
  'clock.exchange.none': 'No exchange completed yet.',
  'clock.cristian.server': 'The time server: clients step their clocks to what it answers.',
  'clock.cristian.timeServer': 'Time server',
  'clock.cristian.lastRtt': 'Last round trip',
  'clock.cristian.lastStep': 'Last step',
  'clock.cristian.errorBound': 'Error at most',
  'clock.cristian.burst': 'Current burst (RTTs)',
  'clock.cristian.note':
    'C ← T_server + RTT/2: the lowest round trip of each burst wins, because half of it is the best guess of the reply’s delay.',
  'clock.naive.title': 'A common misconception, run on purpose: the naive formula',
  'clock.naive.rule':
    'The rule: Δt = t − t_ref, then t ← t + Δt. It adds the error instead of removing it.',
  'clock.naive.example':
    'Example: t = 100.050 s, t_ref = 100.000 s, so Δt = +0.050 s and the new t = 100.100 s: the error has doubled, and it doubles again every round.',
  'clock.naive.fix':
    'The correction is t ← t − Δt, that is, add NTP’s θ = server − client; real clients estimate θ from a round trip and slew the clock with a frequency correction instead of stepping it.',
  ...lessonsEn,
} satisfies Record<string, string>

export type MessageKey = keyof typeof en
export type Catalogue = Record<MessageKey, string>

/** Names and one-line blurbs of the built-in presets, keyed by preset id (presets.ts). */
export type { PresetText }

export const enPresets: Record<string, PresetText> = {
  ...chronyPresetsEn,
  ...transactionsPresetsEn,
  'multi-paxos-5': {
    name: 'Multi-Paxos, 5 nodes',
    blurb:
      'Five nodes elect a leader, replicate a log and serve reads from a lease. Propose values, read, and click the leader (the crowned node) to crash it and watch a new election.',
  },
  'lease-drift-stale-read': {
    name: 'Leader lease with a drifting clock (stale read)',
    blurb:
      'At t = 1 s the leader n1’s clock slows to half speed, far outside the 200 ppm drift bound; at t = 3 s it is cut off. n2 takes over and "b" is chosen, yet at t = 4.7 s n1 still answers "a" from its lease: a stale read.',
  },
  'dueling-proposers': {
    name: 'Dueling proposers (broken: livelock)',
    blurb:
      'n1 proposes "x" and n3 "y" 20 ms later. Without a leader or backoff their prepares keep overtaking each other’s accepts: ballots climb and nothing is chosen.',
  },
  'no-durable-acceptor': {
    name: 'Acceptor without durable storage (broken)',
    blurb:
      'n3 is down; n1 and n2 choose "x" in slot 0 at t ≈ 1 s. Try: crash n1 and n2, restart them, then propose another value — it is chosen in slot 0 too, and the safety checker turns red.',
  },
  'single-decree': {
    name: 'Single-decree Paxos',
    blurb:
      'Three nodes, one decree: n1 proposes "x" and n3 "y" almost together. Watch prepare and promise, then accept and accepted: exactly one value wins.',
  },
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
  // clock synchronisation (src/ui/clock)
  'ntp-lan': {
    name: 'NTP on a LAN',
    blurb:
      'Three clients discipline their drifting clocks to three reference servers over a fast LAN: watch the offsets settle to tens of µs, then drag a client’s drift in the inspector and watch NTP pull it back.',
  },
  'ntp-falsetickers': {
    name: 'NTP with falsetickers (5 servers, 2 liars)',
    blurb:
      'Two of five servers lie, one 250 ms ahead and one 400 ms behind. The intersection algorithm marks them falsetickers and the clients follow the three that agree.',
  },
  'berkeley-outlier': {
    name: 'Berkeley with an outlier',
    blurb:
      'No reference clock: the master m averages the clocks that agree, leaves n4 (1.5 s off) out of the average, and sends every node its own adjustment. Precision becomes excellent; accuracy does not.',
  },
  'naive-misconception': {
    name: 'The naive formula (a common misconception)',
    blurb:
      'The tutorial’s t ← t + (t − t_ref), run on purpose to show why it is wrong: each poll doubles the clients’ error instead of removing it.',
  },
  'sntp-lan': {
    name: 'SNTP',
    blurb:
      'Simple NTP: each client asks one server and applies every answer at once (c3, 400 ms off, is stepped), with no filter and no frequency correction, so the clocks saw-tooth between polls.',
  },
}
