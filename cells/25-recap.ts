// What this run of the lesson measured, read from the cells above (run them first).
lesson.recap({ comparison, timings, scaling: widthSeries });
