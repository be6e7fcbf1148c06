"""booklet serve: the output folder on 127.0.0.1, rebuilt on save, with the open page reloaded."""
