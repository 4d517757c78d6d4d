import { MemoryStore } from './memoryStore.ts';
import { storageContract } from './storageContract.ts';

storageContract('memory (relay fuzz)', async () => {
  let store = new MemoryStore();
  return {
    store,
    reopen: async () => {
      store = store.reopen();
      return store;
    },
    cleanup: async () => {
      await store.close();
    },
  };
});
