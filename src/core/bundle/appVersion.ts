import { version } from '../../../package.json'

/** This app's version (package.json), written into bundles and reports. */
export const APP_VERSION: string = version
