/**
 * Why each algorithm does what it does in each condition of docs/fidelity.md (written from the
 * 10-seed results; `npm run fidelity` prints them beside the figures).
 */
const NTPD_START =
  'ntpd’s design: without iburst a server needs about three polls (64 s apart) before its filter’s dispersion lets it be selected; the first update slews the 0.1 s at 500 ppm, and the frequency is measured over the 300 s FREQ interval, so ntpd is in sync after about 640 s where chronyd’s regression needs three samples (≈130 s). The maxima and RMS, taken from 210 s, include that startup.'
const FREQ =
  'ntpd’s design: its frequency correction is limited to ±500 ppm (ntpd’s NTP_MAXFREQ, `maxSlewPpm` 500), so it cannot follow a clock 5 000 or 50 000 ppm off; the offset grows at the remainder. chronyd corrects any frequency (up to its maxslewrate for the offset).'
const CHRONY_OK = 'Within chrony’s limits on every seed.'

export const NOTES: Record<string, { ntp: string; chrony: string }> = {
  defaults: { ntp: NTPD_START, chrony: CHRONY_OK },
  'large-network': {
    ntp: 'ntpd’s design: each ntpd hop leaves its clock some 0.1–0.5 ms off (the daemon PLL at poll 2⁷–2⁹ s follows wander slowly), and the errors add over the three hops to the clients: ±1 ms at the clients, sometimes just over. The clients also start with ntpd’s slow startup (see defaults).',
    chrony: `${CHRONY_OK} The clients, restarted at 2 000 s, are in sync about 130 s later.`,
  },
  'freq-50000ppm': { ntp: FREQ, chrony: CHRONY_OK },
  'freq-5000ppm': { ntp: FREQ, chrony: CHRONY_OK },
  'freq+5000ppm': { ntp: FREQ, chrony: CHRONY_OK },
  'freq+50000ppm': { ntp: FREQ, chrony: CHRONY_OK },
  'offset-100s': {
    ntp: 'ntpd’s design: an offset beyond 128 ms at startup is stepped at once (chronyd without makestep slews it at 83 333 ppm for 1 200 s), so ntpd is in sync long before chrony’s window opens, which counts as a miss of the sync time. RMS offset from 1 400 s is 0.36 ms: ntpd’s PLL at poll 2⁷–2¹⁰ s wanders more than chrony’s regression.',
    chrony: `${CHRONY_OK} The offset is slewed at 83 333 ppm: in sync at 130 + 1 200 s.`,
  },
  'offset+100s': {
    ntp: 'As for −100 s.',
    chrony: `${CHRONY_OK} As for −100 s.`,
  },
  'step-100s': {
    ntp: 'ntpd’s design: the step at 150 s is first a spike; once the pre-step samples have left the clock filter and the stepout (300 s) has passed, ntpd steps back and measures the frequency again (FREQ, 300 s): in sync at ≈1 090 s, before chrony’s window (chrony slews the 100 s). This is the fault whose handling issue 11 fixed: before, NTP’s own timers jumped with the clock and the polls stopped for 100 s.',
    chrony: `${CHRONY_OK} chronyd notices the unknown step, drops its samples, and slews the 100 s from the third new sample: in sync at ≈1 520 s.`,
  },
  'step+100s': { ntp: 'As for −100 s.', chrony: `${CHRONY_OK} As for −100 s.` },
  'step-100000s-makestep': {
    ntp: 'ntpd’s design: an offset beyond the panic threshold (1 000 s) makes ntpd give up (the daemon exits; DriftLab emits `panic` and leaves the clock). chrony’s test runs chronyd with `makestep 1 -1`, which ntpd has no equivalent of after startup.',
    chrony: `${CHRONY_OK} makestep steps back at the first update after the step.`,
  },
  'step+100000s-makestep': { ntp: 'As for −10⁵ s.', chrony: `${CHRONY_OK} As for −10⁵ s.` },
  'steps-every-500s': {
    ntp: 'ntpd’s design: the first 10⁴ s step is past the panic threshold; ntpd gives up and the steps accumulate.',
    chrony: `${CHRONY_OK} Every step is undone by makestep about 130 s later.`,
  },
  'large-jitter': {
    ntp: 'ntpd’s design: the clock filter takes the least-delay sample of eight and the PLL averages little; with 0.1 s of jitter the RMS offset lands around the limit (0.1 s), under it on some seeds, over on others. chronyd’s regression over up to 64 weighted samples averages much more.',
    chrony: CHRONY_OK,
  },
  'large-wander': {
    ntp: 'ntpd’s design: a wander of 1e-7 per √s moves the frequency by ~3 ppm per 1 000 s; ntpd’s loop, with its poll climbing to 2¹⁰ s while offsets look small, lets the offset run past 5 ms on some seeds. chronyd refits the frequency at every sample and shortens its poll when a sample misses the prediction.',
    chrony: CHRONY_OK,
  },
  'falsetickers-1of5': {
    ntp: 'ntpd’s design: without iburst the servers are heard one at a time; ntpd’s selection accepts a single source (minsane 1), so when the falseticker (s1, polled first) is the first to become selectable ntpd can set the clock to it, and only the majority of the others, after the stepout, steps it back: in sync at 500–800 s, 1 s off before that.',
    chrony:
      'Within chrony’s limits on every seed: chronyd waits until the sources have statistics before it selects, and the majority votes the falseticker out.',
  },
  'falsetickers-2of5': { ntp: 'As for one falseticker.', chrony: 'As for one falseticker.' },
  'falsetickers-3of5': {
    ntp: 'As chrony’s test expects: no majority, the clock is not synchronised (ntpd may have followed the first source heard at startup before the others answered).',
    chrony: 'As chrony’s test expects: no majority (2 of 5 agree), the clock is left alone.',
  },
  'falsetickers-4of5': {
    ntp: 'As chrony’s test expects: no majority.',
    chrony: 'As chrony’s test expects: no majority (no agreement among 5).',
  },
  'asymmetric-servers': {
    ntp: 'ntpd’s design: the two slow servers read 0.5 s off, but their root distance (δ/2 ≈ 0.5 s) is as wide, so all three intervals overlap and all three survive; with only three survivors the cluster algorithm prunes none (NMIN 3), and combining weighs each by 1/root distance, which pulls the clock some 10 ms toward the two. chronyd leaves out of combining any source more than 3 times as far as the one it selected (combinelimit).',
    chrony:
      'Within chrony’s limits on every seed. (Before DriftLab’s chrony measured δ on chrony’s cooked clock, δ shrank by the 8 % slew rate during the initial correction, the slow sources’ intervals no longer reached the good one, and they outvoted it: a DriftLab bug, fixed.)',
  },
  'asymmetric-jitter': {
    ntp: 'ntpd’s design: ntpd has no asymmetry estimate; the least-delay sample still carries part of the one-sided jitter, and over 100 000 s the offset passes 1 ms now and then.',
    chrony:
      'Within chrony’s limits on every seed, thanks to chrony’s asymmetry correction (sourcestats.c correct_asymmetry: the offset’s slope against delay, once steadily beyond 0.45, is taken out). Without it 6 of 10 seeds missed.',
  },
  intermittent: {
    ntp: 'ntpd’s design: the 0.11 s maximum is ntpd’s startup (210–243 s, see defaults). Then, for 8 800 s of every 10 000 the clock runs on its frequency correction alone; ntpd’s PLL/FLL estimate at long polls is a fraction of a ppm off where chronyd’s regression is closer, and over 8 800 s that becomes milliseconds, above the 2 ms RMS limit.',
    chrony: CHRONY_OK,
  },
  'requests-lost-95': {
    ntp: 'ntpd’s design: with one request in twenty answered, the reach register is mostly empty and the dummy samples ntpd shifts in for unanswered polls keep the server’s dispersion beyond MAXDIST, so it is never selected and the clock is never corrected.',
    chrony:
      'Not chrony’s exact condition: chrony’s test drops every request but each twentieth, DriftLab drops 95 % at random (it has no per-packet pattern), so samples can be many more polls (of 1 024 s) apart than twenty. Three samples are needed before the first update: on most seeds that takes longer than the 22 000 s limit, and on some the clock is still uncorrected at the end. Not counted in the tests.',
  },
  'fixed-poll-4': {
    ntp: 'ntpd’s design: ntpd needs about three samples to select a server and a 300 s FREQ interval to measure the frequency, and has no makestep after startup (it slews the initial 0.1 s at 500 ppm), so a run of ten fixed polls is too short at any poll.',
    chrony: `${CHRONY_OK} makestep 0.01 1 steps at the first update (third sample).`,
  },
  'fixed-poll-6': { ntp: 'As for poll 4.', chrony: CHRONY_OK },
  'fixed-poll-8': { ntp: 'As for poll 4.', chrony: CHRONY_OK },
  'fixed-poll-10': {
    ntp: 'As for poll 4: at a fixed 1 024 s poll ntpd steps after the third sample, clears its filters, needs three samples again, and is synchronised only after ~9 200 s.',
    chrony: CHRONY_OK,
  },
  'freq-ramp': {
    ntp: 'ntpd’s design: a type-II loop follows a frequency ramp with a standing phase error that grows with the square of its time constant; at poll 2⁶ s that is a few tenths of a millisecond, over the 0.2 ms RMS limit. chronyd’s regression over the last few samples follows the ramp closely.',
    chrony: CHRONY_OK,
  },
  'packet-loss': {
    ntp: 'Meets chrony’s limits on most seeds; where it misses, the RMS offset is 0.3–0.5 ms against 0.3 ms: ntpd’s startup (see defaults) and its PLL.',
    chrony: CHRONY_OK,
  },
}
