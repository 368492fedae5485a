import { recordingTests } from './fixture.js'

recordingTests('a')
