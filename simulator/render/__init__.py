"""Drawing shared by the window and the exporter: encoding, network scene, plots, legend."""
