"""The Qt window of chairdesk: widgets and thin models over the core."""
