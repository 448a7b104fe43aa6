export { formatUtc } from '../../../shared/formatUtc'
