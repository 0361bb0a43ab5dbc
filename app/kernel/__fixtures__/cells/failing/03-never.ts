print('this cell must not run');
