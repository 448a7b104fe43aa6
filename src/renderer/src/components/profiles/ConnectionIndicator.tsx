import { useOnline } from '../../hooks/useOnline'

/** Online or offline, and what that means: only the live checks need the network. */
export function ConnectionIndicator() {
  const online = useOnline()
  return (
    <p className={online ? 'connection connection--online' : 'connection connection--offline'} role="status">
      <span className="connection__dot" aria-hidden="true" />
      <strong>{online ? 'Online' : 'Offline'}</strong>
      <span className="connection__note">
        {online
          ? 'Live checks (SSO login, SCIM) need the network; everything else also works offline.'
          : 'Live checks (SSO login, SCIM) need the network and wait until you are back online; everything else works as usual.'}
      </span>
    </p>
  )
}
