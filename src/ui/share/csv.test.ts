import { describe, expect, it } from 'vitest'
import { NODE_STRIDE } from '../../worker/protocol'
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

  it('gives one row per node per sample: time, node, status, local reading, offset', () => {
    const nodes = new Float64Array(2 * NODE_STRIDE)
    nodes.set([0, 12.5, 0, 1, 12.25, -0.25])
    const csv = offsetCsv(
      [
        { now: 12.5, nodes },
        { now: 13, nodes },
      ],
      ['s1', 'c1'],
    )
    expect(csv.split('\r\n')).toEqual([
      OFFSET_HEADER.join(','),
      '12.5,s1,up,12.5,0',
      '12.5,c1,crashed,12.25,-0.25',
      '13,s1,up,12.5,0',
      '13,c1,crashed,12.25,-0.25',
      '',
    ])
  })
})
