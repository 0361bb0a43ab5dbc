// Stuck? Remove the // in front of one line, and run this cell (Shift+Enter).
// lesson.hint('relu', 1)
// lesson.hint('relu', 2)
// lesson.hint('relu', 3)
// lesson.showSolution('relu')

reluCheck.passed ? 'Your relu and relu_der pass: on to the kink.' : 'Not passing yet: uncomment one hint line above and run this cell again.'
