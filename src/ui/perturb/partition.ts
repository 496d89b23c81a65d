/**
 * Partition drafting: while the mode is on, every node carries a group index; clicking a node
 * puts it in the chosen group ("brush"). Applying turns the draft into the `partition {groups}`
 * intervention. Pure, so the rules are tested without a DOM.
 */

/** Groups a teacher can form; four cover every classroom split (majority/minority, three-way). */
export const GROUP_COUNT = 4

export const groupName = (i: number): string => String.fromCharCode(65 + i)

export interface PartitionDraft {
  /** the group a clicked node goes to */
  brush: number
  /** group index per node */
  assign: number[]
}

/**
 * A draft to start from: the partition in force (nodes in no group go to the first free group),
 * else everyone in group A with group B as the brush, since the first click usually splits a
 * node off.
 */
export function startDraft(nodeCount: number, groups: readonly number[] | null): PartitionDraft {
  if (!groups) return { brush: 1, assign: new Array<number>(nodeCount).fill(0) }
  const used = groups.filter((g) => g >= 0 && g < GROUP_COUNT)
  const spare = Math.min(GROUP_COUNT - 1, used.length > 0 ? Math.max(...used) + 1 : 0)
  return {
    brush: 1,
    assign: Array.from({ length: nodeCount }, (_, i) => {
      const g = groups[i] ?? -1
      return g >= 0 && g < GROUP_COUNT ? g : spare
    }),
  }
}

export function assignNode(draft: PartitionDraft, node: number): PartitionDraft {
  if (node < 0 || node >= draft.assign.length || draft.assign[node] === draft.brush) return draft
  const assign = draft.assign.slice()
  assign[node] = draft.brush
  return { ...draft, assign }
}

/** The `groups` of the intervention: node ids per non-empty group, in group order. */
export function draftGroups(draft: PartitionDraft, ids: readonly string[]): string[][] {
  const groups: string[][] = Array.from({ length: GROUP_COUNT }, () => [])
  draft.assign.forEach((g, i) => groups[g]?.push(ids[i]))
  return groups.filter((g) => g.length > 0)
}

/** A partition in force as id lists per group, and the nodes in no group (cut off from all). */
export function groupsInForce(
  groups: readonly number[],
  ids: readonly string[],
): { groups: string[][]; isolated: string[] } {
  const byGroup = new Map<number, string[]>()
  const isolated: string[] = []
  groups.forEach((g, i) => {
    if (g < 0) isolated.push(ids[i])
    else byGroup.set(g, [...(byGroup.get(g) ?? []), ids[i]])
  })
  return {
    groups: [...byGroup.entries()].sort((a, b) => a[0] - b[0]).map(([, members]) => members),
    isolated,
  }
}
