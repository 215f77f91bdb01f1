// A worker module that fails on import.
throw new Error('this module is broken');
