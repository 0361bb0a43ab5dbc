// Stuck on one of the two exercises above? Remove the // in front of one line and run this cell.
// lesson.hint('tanhVjp', 1)
// lesson.hint('tanhVjp', 2)
// lesson.hint('tanhVjp', 3)
// lesson.showSolution('tanhVjp')
// lesson.hint('batchGradient', 1)
// lesson.hint('batchGradient', 2)
// lesson.hint('batchGradient', 3)
// lesson.showSolution('batchGradient')
