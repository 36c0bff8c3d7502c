import { boardConfidenceLabels, boardStatusLabels, movementLabels, type MovementList } from '../../core/board-summary/board-wording.js';
import { targetLabel } from '../../core/board-summary/month.js';
import type { BoardSummary, MovedAction } from '../../core/board-summary/snapshot.js';
import { describeTargetMove } from '../../core/board-summary/target-move.js';
import type { CellValue } from './plan-columns.js';

/** One row of the changes sheet after its label: Ref Number, Area, From, To, Moved. */
type Move = CellValue[];

/** Each kind of movement under the email's label, in its order: the changes sheet lists the moves, the Summary counts them. */
export function movementKinds(summary: BoardSummary): Array<{ label: string; moves: Move[] }> {
  const m = summary.movement;
  const target = (t: string | null) => (t ? targetLabel(t) : 'Not set');
  const plain = (list: MovedAction[]): Move[] => list.map((a) => [a.ref, a.area]);
  const moves: Record<MovementList, Move[]> = {
    newActions: plain(m.newActions),
    proposedClosure: m.proposedClosure.map((a) => [a.ref, a.area, null, boardStatusLabels['proposed-closure']]),
    closed: m.closed.map((a) => [a.ref, a.area, null, 'Closed']),
    reopened: m.reopened.map((a) => [a.ref, a.area, boardStatusLabels[a.from], boardStatusLabels[a.to]]),
    setAside: m.setAside.map((a) => [a.ref, a.area, null, boardStatusLabels[a.to]]),
    retimed: m.retimed.map((a) => [a.ref, a.area, target(a.from), target(a.to), a.from && a.to ? describeTargetMove(a.from, a.to) : null]),
    confidenceDropped: m.confidenceDropped.map((a) => [a.ref, a.area, boardConfidenceLabels[a.from], boardConfidenceLabels[a.to]]),
    becameStale: plain(m.becameStale),
    becameOverdue: plain(m.becameOverdue),
  };
  return movementLabels(summary).map(([list, label]) => ({ label, moves: moves[list] }));
}

export function changeRows(summary: BoardSummary): CellValue[][] {
  return movementKinds(summary).flatMap((kind) => kind.moves.map((move) => [kind.label, ...move]));
}
