import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { describeRepositoryContract } from './repository-contract.js';

describeRepositoryContract('MemoryRepository', async () => new MemoryRepository());
