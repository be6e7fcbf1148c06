"""The publisher's library as a whole: its catalogue page, its review register and the QR code on printed copies."""
