// Stuck? Remove the // in front of one line, and run this cell (Shift+Enter). Whether your functions
// pass is what the exercise cell above says when you run it.
// lesson.hint('relu', 1)
// lesson.hint('relu', 2)
// lesson.hint('relu', 3)
// lesson.showSolution('relu')
