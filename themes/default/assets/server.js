// Replaced by `ova serve` with the live server status; on file:// and static hosts there is no server.
window.OVA_SERVER = null;
