import { describe, expect, it } from 'vitest'
import { HistoryRing } from '../clock/history/ring'
import { offsetCsv, OFFSET_HEADER, toCsv } from './csv'

describe('CSV builder', () => {
  it('quotes what needs quoting, doubles quotes and ends every line with CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['line\nbreak', 3],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",3\r\n')
  })

  it('defuses spreadsheet formulas in text but keeps negative numbers as numbers', () => {
    expect(toCsv(['v'], [['=HYPERLINK("x")'], ['-node'], ['@a'], [-0.25]])).toBe(
      'v\r\n"\'=HYPERLINK(""x"")"\r\n\'-node\r\n\'@a\r\n-0.25\r\n',
    )
  })

  it('writes numbers in full precision and leaves non-finite ones empty', () => {
    const x = 0.1 + 0.2
    const [, row] = toCsv(['a', 'b'], [[x, NaN]]).split('\r\n')
    expect(row).toBe(`${x},`)
    expect(Number(row.split(',')[0])).toBe(x)
  })

  it('writes every sample the charts hold: one row per sample per node, units in the header', () => {
    const ring = new HistoryRing(8)
    ring.push({
      nodes: 2,
      t: Float64Array.of(0.5, 1),
      offset: Float64Array.of(0, -0.25, 0.001, NaN),
      correction: Float64Array.of(0, 12.5, 0, 0),
      accuracy: Float64Array.of(0.25, 0.001),
      precision: Float64Array.of(0.25, 0.001),
    })
    expect(offsetCsv(ring, ['s1', 'c1', 'c2']).split('\r\n')).toEqual([
      'time_s,node,offset_s,correction_ppm',
      '0.5,s1,0,0',
      '0.5,c1,-0.25,12.5',
      '1,s1,0.001,0',
      // crashed: no offset, as the chart shows a gap
      '1,c1,,0',
      '',
    ])
  })

  it('holds only the header when the charts hold nothing yet', () => {
    expect(offsetCsv(new HistoryRing(4), ['s1'])).toBe(`${OFFSET_HEADER.join(',')}\r\n`)
  })
})
