# The Debian package (CPack's DEB generator), built by `tools/package`: the version is the project's,
# Depends are dpkg-shlibdeps' (the shared libraries the programs link) plus what they read at run time
# from other packages: the fonts of the interface and of the badges, and the time zones. No maintainer
# scripts: the icon and launcher caches are refreshed by dpkg triggers of the packages that own them.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME moussem)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The Moussem developers")
set(CPACK_PACKAGE_CONTACT ${MOUSSEM_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "registration, badges, booths and entry gates for fairs")
# (The synopsis line is the summary above; this is the extended description under it.)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Moussem runs a crafts fair with a forum, from the registration desk to the
entry gates: it registers exhibitors and participants with names in Arabic
and in French, prints badges with signed QR codes, allocates booths on the
venue plan and checks badges at the gates, offline when the network drops.
.
One laptop works on its own SQLite file; a whole event shares one PostgreSQL
server. Each station is enrolled once (moussem-cli station enrol) and opens
on its job; gates and self-service stations run as locked kiosks.")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${MOUSSEM_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${MOUSSEM_HOMEPAGE})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # moussem_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# ui/fonts.cpp and the badges' Pango fonts; core/time_zone.cpp reads /usr/share/zoneinfo.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, fonts-noto-core, tzdata")
# pg_dump for the server's backups, xset for the kiosk session, a CUPS client to print badges.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "postgresql-client, x11-xserver-utils, cups-client")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_SET_DESTDIR OFF)
include(CPack)
