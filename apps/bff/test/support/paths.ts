import path from 'node:path'
import { REPO_ROOT } from '../../src/config'

export const PUBLIC_DIR = path.join(REPO_ROOT, 'public')
export const BFF_DIR = path.join(REPO_ROOT, 'apps/bff')
