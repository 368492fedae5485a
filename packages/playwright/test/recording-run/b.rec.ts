import { recordingTests } from './fixture.js'

recordingTests('b')
