#!/bin/sh
# Installs Inspector for the current user, without root: the program folder to
# ~/.local/opt/inspector-app, the command ~/.local/bin/inspector-app, the menu entry and its
# icons under ~/.local/share. Run it from the unpacked folder:
#
#   ./install.sh                 install, or upgrade an installed version in place
#   ./install.sh --uninstall     remove the program again
#
# The data folder (~/.local/share/inspector-app: database, photos, keys) is never touched:
# an upgrade keeps it, and the new version backs the database up before upgrading it.
# INSPECTOR_PREFIX chooses another program folder.
set -eu

name=inspector-app
src=$(cd "$(dirname "$0")" && pwd -P)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
prefix=${INSPECTOR_PREFIX:-$HOME/.local/opt/$name}
bin_dir=$HOME/.local/bin
entry=$data_home/applications/$name.desktop
sizes="16 24 32 48 64 128 256"

refresh_menus() {
    # desktops that cache menus and icons pick the change up at once (optional tools)
    update-desktop-database -q "$data_home/applications" 2>/dev/null || true
    gtk-update-icon-cache -q -f -t "$data_home/icons/hicolor" 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
    if [ -L "$bin_dir/$name" ] && [ "$(readlink "$bin_dir/$name")" = "$prefix/$name" ]; then
        rm -f "$bin_dir/$name"
    fi
    rm -f "$entry"
    for size in $sizes; do
        rm -f "$data_home/icons/hicolor/${size}x${size}/apps/$name.png"
    done
    rm -rf "$prefix"
    refresh_menus
    echo "Inspector removed; its data folder ($data_home/$name) is kept."
    exit 0
elif [ -n "${1:-}" ]; then
    echo "usage: $0 [--uninstall]" >&2
    exit 2
fi

if [ ! -x "$src/$name" ] || [ ! -d "$src/_internal" ]; then
    echo "error: run install.sh from the unpacked $name folder ($src has no $name program)" >&2
    exit 1
fi
case "$prefix" in
    "$data_home/$name" | "$data_home/$name"/*)
        echo "error: $prefix is the data folder; choose another INSPECTOR_PREFIX" >&2
        exit 1 ;;
esac

if [ "$src" != "$(cd "$(dirname "$prefix")" 2>/dev/null && pwd -P)/$(basename "$prefix")" ]; then
    # copy beside the old version first, then swap, so a failed copy leaves it working
    mkdir -p "$(dirname "$prefix")"
    rm -rf "$prefix.new" "$prefix.old"
    cp -a "$src" "$prefix.new"
    if [ -e "$prefix" ]; then mv "$prefix" "$prefix.old"; fi
    mv "$prefix.new" "$prefix"
    rm -rf "$prefix.old"
fi

mkdir -p "$bin_dir" "$data_home/applications"
ln -sfn "$prefix/$name" "$bin_dir/$name"
# the menu entry names the program by its full path: ~/.local/bin is not on every
# desktop session's PATH
sed "s|^Exec=.*|Exec=\"$prefix/$name\"|" "$prefix/share/applications/$name.desktop" > "$entry"
for size in $sizes; do
    mkdir -p "$data_home/icons/hicolor/${size}x${size}/apps"
    cp "$prefix/share/icons/hicolor/${size}x${size}/apps/$name.png" \
        "$data_home/icons/hicolor/${size}x${size}/apps/$name.png"
done
refresh_menus
echo "Inspector $("$prefix/$name" --version | sed 's/^[^ ]* //') installed in $prefix"
echo "Start it from the menu (Office ▸ Inspector) or with: $bin_dir/$name"
